/**
 * Uploading a CSV of codes into one pool: the server imports it in chunks while this polls the import for a progress
 * bar, then shows the result or every problem by its line number (nothing is saved from a file with problems).
 * A poll that fails (the network, a restart) loses sight of an import the server may still finish: the screen says
 * so with the reason, shows the stock as the server now has it, frees the file picker and offers to look again,
 * instead of a bar frozen mid-way over a picker that stayed disabled until a reload.
 */
import { Button, File, FormItem, FormStatus, Progress, SimpleCell } from '@vkontakte/vkui';
import { useState } from 'react';
import { fileText } from '../../../server/http/csv-text.ts';
import { useApp } from '../../app-context.ts';
import { fill } from '../../i18n-fill.ts';
import { TABLE_FILE_ACCEPT } from '../csv-file-accept.ts';
import { csvLineText } from '../csv-line-text.ts';
import { InsetBanner } from '../InsetBanner.tsx';
import { poolsStrings } from '../i18n-pools.ts';
import { useOfficeWrite, WriteRefusal } from '../office-write.tsx';
import { type CodeImport, importPercent, importStatus, startImport } from './pool-api.ts';

const POLL_MS = 300;

export function CodeUpload({ campaignId, poolId, onDone }: { campaignId: number; poolId: number; onDone(): void }) {
  const { api, language } = useApp();
  const s = poolsStrings(language);
  const [job, setJob] = useState<CodeImport | null>(null);
  /** The import whose end this screen could not learn: looked at again on request. */
  const [lost, setLost] = useState<CodeImport | null>(null);
  const { error, run } = useOfficeWrite(s.error);

  /** Polls until the import ends; on a failed poll, lets go of it (`lost`) with the stock reloaded. */
  const watch = async (first: CodeImport) => {
    let current = first;
    setJob(current);
    try {
      while (current.state === 'running') {
        await new Promise((r) => setTimeout(r, POLL_MS));
        current = await importStatus(api, campaignId, poolId, current.importId);
        setJob(current);
      }
    } catch (err) {
      setJob(null);
      setLost(current);
      throw err;
    } finally {
      onDone();
    }
  };
  const upload = (file: globalThis.File) =>
    run(async () => {
      setLost(null);
      setJob(null);
      await watch(await startImport(api, campaignId, poolId, await fileText(file)));
    });
  const lookAgain = (again: CodeImport) =>
    run(async () => {
      // Still lost (and offered again) until the server answers.
      const now = await importStatus(api, campaignId, poolId, again.importId);
      setLost(null);
      await watch(now);
    });

  const running = job?.state === 'running';
  return (
    <>
      <FormItem top={s.upload} bottom={s.uploadHint}>
        <File
          accept={TABLE_FILE_ACCEPT}
          disabled={running}
          data-testid={`pool-upload-${poolId}`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void upload(file);
          }}
        >
          {s.chooseFile}
        </File>
      </FormItem>
      {job && (
        <FormItem top={running ? s[`phase_${job.progress.phase}`] : undefined}>
          <Progress
            value={importPercent(job)}
            aria-label={s.upload}
            data-testid={`pool-progress-${poolId}`}
            data-state={job.state}
          />
        </FormItem>
      )}
      {job?.state === 'done' && (
        <InsetBanner
          data-testid={`pool-import-done-${poolId}`}
          title={fill(s.done, { n: job.result?.imported ?? 0 })}
        />
      )}
      {job?.state === 'done' && (job.result?.ignoredColumns.length ?? 0) > 0 && (
        // Said back so nobody believes a «Номинал» was kept beside its codes.
        <FormItem>
          <FormStatus title={s.ignoredColumnsTitle} data-testid={`pool-import-ignored-${poolId}`}>
            {fill(s.ignoredColumns, { names: job.result?.ignoredColumns.map((name) => `«${name}»`).join(', ') ?? '' })}
          </FormStatus>
        </FormItem>
      )}
      {job?.state === 'failed' && (
        <div data-testid={`pool-import-errors-${poolId}`}>
          <InsetBanner title={fill(s.failed, { n: job.errorCount, d: job.duplicates })} />
          {job.errors.map((e) => (
            <SimpleCell key={`${e.line}:${e.message}`} multiline subtitle={csvLineText(language, e)}>
              {e.line > 0 ? fill(s.line, { n: e.line }) : '—'}
            </SimpleCell>
          ))}
        </div>
      )}
      {lost && (
        <FormItem>
          <FormStatus mode="error" title={s.lostTitle} data-testid={`pool-import-lost-${poolId}`}>
            {s.lost}
          </FormStatus>
        </FormItem>
      )}
      <WriteRefusal error={error} />
      {lost && (
        <FormItem>
          <Button
            mode="secondary"
            stretched
            data-testid={`pool-import-again-${poolId}`}
            onClick={() => void lookAgain(lost)}
          >
            {s.lookAgain}
          </Button>
        </FormItem>
      )}
    </>
  );
}
