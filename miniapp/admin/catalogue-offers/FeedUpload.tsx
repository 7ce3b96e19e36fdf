/**
 * Uploading a catalogue file: read in the browser (a CSV as UTF-8, or Windows-1251 as Russian Excel saves it; a YML
 * feed in the encoding it declares: feed-file.ts),
 * refused here when over 8 MB (before or after its JSON encoding: the server's body limit), its format taken from the
 * extension or the content, sent in one request that answers the import report. A refused file (422 `invalid_feed`)
 * shows its problems; nothing changed then.
 */
import { File, FormItem, FormStatus, Group, Header, SimpleCell } from '@vkontakte/vkui';
import { useState } from 'react';
import { ApiRequestError } from '../../api/client.ts';
import { useApp } from '../../app-context.ts';
import { fill } from '../../i18n-fill.ts';
import { withReason } from '../../i18n-reason.ts';
import { Loading } from '../../Loading.tsx';
import { TABLE_FILE_ACCEPT } from '../csv-file-accept.ts';
import { refusalText } from '../refusal-text.ts';
import { encodedSize, megabytes, overLimit, readFeed } from './feed-file.ts';
import { ImportReportView, IssueList } from './ImportReportView.tsx';
import type { OffersOfficeMessages } from './i18n-offers-office.ts';
import { refusedIssues } from './import-issues.ts';
import type { ImportIssue, ImportReport, OffersOfficeApi } from './offers-office-api.ts';

type UploadState =
  | { step: 'idle' }
  | { step: 'uploading'; name: string }
  | { step: 'done'; report: ImportReport }
  | { step: 'refused'; issues: ImportIssue[] }
  | { step: 'failed'; message: string };

export function FeedUpload({
  api,
  t,
  onImported,
}: {
  api: OffersOfficeApi;
  t: OffersOfficeMessages;
  onImported(): void;
}) {
  const { language } = useApp();
  const [state, setState] = useState<UploadState>({ step: 'idle' });

  async function upload(file: globalThis.File) {
    if (overLimit(file.size)) {
      setState({
        step: 'failed',
        message: fill(t.tooLarge, { name: file.name, size: megabytes(file.size, language) }),
      });
      return;
    }
    setState({ step: 'uploading', name: file.name });
    try {
      const body = await readFeed(file);
      if ('issue' in body) {
        setState({ step: 'refused', issues: [body.issue] });
        return;
      }
      if (overLimit(encodedSize(body))) {
        setState({ step: 'failed', message: fill(t.tooLargeEncoded, { name: file.name }) });
        return;
      }
      setState({ step: 'done', report: await api.importFeed(body) });
      onImported();
    } catch (e) {
      if (e instanceof ApiRequestError && e.code === 'invalid_feed') {
        setState({ step: 'refused', issues: refusedIssues(e.issues) });
      } else {
        setState({ step: 'failed', message: withReason(t.failed, refusalText(e, language)) });
      }
    }
  }

  const uploading = state.step === 'uploading';
  return (
    <>
      <Group header={<Header>{t.upload}</Header>}>
        <FormItem bottom={t.uploadHint} bottomId="offers-upload-hint">
          <File
            accept={`${TABLE_FILE_ACCEPT},.xml,.yml,text/xml,application/xml`}
            disabled={uploading}
            aria-describedby="offers-upload-hint"
            data-testid="offers-upload"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void upload(file);
            }}
          >
            {t.chooseFile}
          </File>
        </FormItem>
        {uploading && (
          <SimpleCell before={<Loading size="s" quiet />} data-testid="offers-uploading">
            {fill(t.uploading, { name: state.name })}
          </SimpleCell>
        )}
        {state.step === 'failed' && (
          <FormItem>
            <FormStatus mode="error" role="alert" data-testid="offers-upload-failed">
              {state.message}
            </FormStatus>
          </FormItem>
        )}
        {state.step === 'refused' && (
          <>
            <FormItem>
              <FormStatus mode="error" role="alert" data-testid="offers-upload-refused">
                {t.refused}
              </FormStatus>
            </FormItem>
            <IssueList issues={state.issues} t={t} />
          </>
        )}
      </Group>
      {state.step === 'done' && <ImportReportView report={state.report} t={t} />}
    </>
  );
}
