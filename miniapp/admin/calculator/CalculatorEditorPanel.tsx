/**
 * The office's calculator editor (`#/admin/campaign/:id/calculator`, section `campaigns`): inputs (add, remove,
 * reorder, kind and its settings), the formula with the server's error and its position under it as the brand types,
 * the result text and the lead form's consent in ru/en with missing translations marked, and beside them the live
 * preview of the participant's real screen. Lazy: never in the participant's bundle. The server checks the right on
 * every call and validates on save; a refusal to open shows as the not-found screen.
 */
import { Button, Div, FormItem, FormStatus, Group, Header, Input, Paragraph } from '@vkontakte/vkui';
import { useEffect, useMemo, useState } from 'react';
import { participantView } from '../../../server/calculator/participant-view.ts';
import { ApiRequestError } from '../../api/client.ts';
import { useApp } from '../../app-context.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { initialValues, toInputs } from '../../screens/calculator/calculator-fields.ts';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { useRouteId } from '../../use-route-id.ts';
import { PREVIEW_DEBOUNCE_MS } from '../preview/PreviewPane.tsx';
import { refusalText } from '../refusal-text.ts';
import { CalculatorPreview } from './CalculatorPreview.tsx';
import {
  addInput,
  asText,
  configIssues,
  type FormulaProblem,
  formulaProblem,
  forPreview,
  moveInput,
  NEW_CALCULATOR,
  removeInput,
  replaceInput,
} from './calculator-draft.ts';
import { type CalculatorConfig, type CalculatorOfficeApi, calculatorOfficeApi } from './calculator-office-api.ts';
import { NumberInput, TextPair } from './editor-fields.tsx';
import { FormulaField } from './FormulaField.tsx';
import { InputEditor } from './InputEditor.tsx';
import { type CalculatorEditorMessages, calculatorEditorMessages } from './i18n-calculator-editor.ts';
import { useDebounced } from './use-debounced.ts';

export default function CalculatorEditorPanel() {
  const { api, language } = useApp();
  const t = calculatorEditorMessages[language];
  const campaignId = useRouteId();
  const calculatorApi = useMemo(() => calculatorOfficeApi(api, campaignId ?? 0), [api, campaignId]);
  const state = useAsync(() => calculatorApi.get(), [calculatorApi], campaignId !== undefined);
  return (
    <>
      <PanelHeaderWithBack back={t.back}>{t.title}</PanelHeaderWithBack>
      <LoadState state={state}>
        {({ config, savedAt }) => (
          <CalculatorEditor
            key={campaignId}
            initial={config ?? NEW_CALCULATOR}
            savedAt={savedAt}
            loadSaved={state.status === 'ready' ? state.reload : () => {}}
            api={calculatorApi}
            t={t}
          />
        )}
      </LoadState>
    </>
  );
}

type Issue = { path: string; message: string };

/** Issues of input `index` by its field (`inputs.2.max` → `max`). */
function inputIssues(issues: Issue[], index: number): Record<string, string> {
  const prefix = `inputs.${index}.`;
  return Object.fromEntries(
    issues.filter((i) => i.path.startsWith(prefix)).map((i) => [i.path.slice(prefix.length).split('.')[0], i.message]),
  );
}

function CalculatorEditor({
  initial,
  savedAt,
  loadSaved,
  api,
  t,
}: {
  initial: CalculatorConfig;
  /** The copy this editor was opened on; each landed save moves it on. */
  savedAt: number | null;
  /** Reads the calculator as saved now, in place of this editor's draft. */
  loadSaved: () => void;
  api: CalculatorOfficeApi;
  t: CalculatorEditorMessages;
}) {
  const { language } = useApp();
  const [draft, setDraft] = useState<CalculatorConfig>(initial);
  const [copy, setCopy] = useState(savedAt);
  /** Why the last save was refused, when it was not the draft's own problems (those are marked at their fields). */
  const [refusal, setRefusal] = useState<string>();
  const settled = useDebounced(draft, PREVIEW_DEBOUNCE_MS);
  const [problem, setProblem] = useState<FormulaProblem>();
  const [issues, setIssues] = useState<Issue[]>([]);
  // `stale`: someone saved the calculator after this copy was read; the draft stays on screen until it is replaced.
  const [save, setSave] = useState<'idle' | 'saving' | 'saved' | 'failed' | 'stale'>('idle');

  // The server's verdict on the draft as the brand pauses typing: the formula compiled, the configuration checked.
  useEffect(() => {
    let live = true;
    const view = participantView(settled, 'ru');
    api.preview(forPreview(settled), toInputs(view, initialValues(view))).then(
      () => {
        if (!live) return;
        setProblem(undefined);
        setIssues([]);
      },
      (error: unknown) => {
        if (!live) return;
        setProblem(formulaProblem(error));
        setIssues(configIssues(error));
      },
    );
    return () => {
      live = false;
    };
  }, [api, settled]);

  const edit = (next: CalculatorConfig) => {
    setDraft(next);
    setSave((was) => (was === 'stale' ? was : 'idle'));
  };
  const submit = async () => {
    if (save === 'saving' || save === 'stale') return;
    setSave('saving');
    setRefusal(undefined);
    try {
      const saved = await api.save(draft, copy);
      setDraft(saved.config);
      setCopy(saved.savedAt);
      setIssues([]);
      setProblem(undefined);
      setSave('saved');
    } catch (error) {
      const formula = formulaProblem(error);
      const fields = configIssues(error);
      setProblem(formula);
      setIssues(fields);
      if (!formula && fields.length === 0) setRefusal(refusalText(error, language));
      setSave(error instanceof ApiRequestError && error.code === 'saved_meanwhile' ? 'stale' : 'failed');
    }
  };

  const elsewhere = issues.filter((i) => !i.path.startsWith('inputs.') && i.path !== 'lead.policyUrl');
  const policyIssue = issues.find((i) => i.path === 'lead.policyUrl')?.message;
  const resultText = asText(draft.resultText);

  const form = (
    <>
      <Div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
        {save === 'stale' ? (
          <Button size="l" mode="secondary" onClick={loadSaved} data-testid="calc-load-saved">
            {t.loadSaved}
          </Button>
        ) : (
          <Button size="l" loading={save === 'saving'} onClick={() => void submit()} data-testid="calc-save">
            {t.save}
          </Button>
        )}
        {save === 'saved' && (
          <FormStatus mode="default" data-testid="calc-saved">
            {t.saved}
          </FormStatus>
        )}
        {save === 'failed' && (
          <FormStatus mode="error" data-testid="calc-save-failed" role="alert">
            {refusal ?? t.saveFailed}
          </FormStatus>
        )}
      </Div>
      {save === 'stale' && (
        <FormItem>
          <FormStatus mode="error" data-testid="calc-stale" role="alert">
            {refusal} {t.savedMeanwhileHint}
          </FormStatus>
        </FormItem>
      )}
      {elsewhere.length > 0 && (
        <FormItem>
          <FormStatus mode="error" data-testid="calc-issues">
            {elsewhere.map((i) => `${i.path}: ${i.message}`).join('; ')}
          </FormStatus>
        </FormItem>
      )}
      <Group header={<Header>{t.inputs}</Header>}>
        {draft.inputs.map((input, index) => (
          <InputEditor
            // biome-ignore lint/suspicious/noArrayIndexKey: an input's name is being edited; its place is its identity.
            key={index}
            input={input}
            index={index}
            count={draft.inputs.length}
            t={t}
            issues={inputIssues(issues, index)}
            onChange={(next) => edit(replaceInput(draft, index, next))}
            onMove={(by) => edit(moveInput(draft, index, by))}
            onRemove={() => edit(removeInput(draft, index))}
          />
        ))}
        <Div>
          <Button
            mode="secondary"
            disabled={draft.inputs.length >= 20}
            onClick={() => edit(addInput(draft))}
            data-testid="calc-add-input"
          >
            {t.addInput}
          </Button>
        </Div>
      </Group>
      <Group header={<Header>{t.formula}</Header>}>
        <FormulaField
          value={draft.formula}
          onChange={(formula) => edit({ ...draft, formula })}
          problem={problem}
          t={t}
        />
        <TextPair
          label={t.resultText}
          value={draft.resultText}
          onChange={(text) => edit({ ...draft, resultText: text })}
          testId="calc-result-text"
          t={t}
          hint={resultText.ru.includes('{result}') || !resultText.ru ? t.resultTextHint : t.resultTextNoPlaceholder}
        />
        <NumberInput
          label={t.resultDigits}
          value={draft.resultDigits ?? 0}
          onChange={(resultDigits) => edit({ ...draft, resultDigits })}
          testId="calc-result-digits"
        />
      </Group>
      <Group header={<Header>{t.lead}</Header>}>
        <Div>
          <Paragraph>{t.leadFields}</Paragraph>
        </Div>
        <FormItem
          top={t.policyUrl}
          status={policyIssue || !draft.lead.policyUrl.trim() ? 'error' : 'default'}
          bottom={policyIssue ?? (draft.lead.policyUrl.trim() ? undefined : t.policyUrlRequired)}
        >
          <Input
            type="url"
            value={draft.lead.policyUrl}
            placeholder="https://"
            onChange={(e) => edit({ ...draft, lead: { ...draft.lead, policyUrl: e.target.value } })}
            data-testid="calc-policy-url"
          />
        </FormItem>
        <TextPair
          label={t.consentText}
          value={draft.lead.consentText}
          onChange={(consentText) => edit({ ...draft, lead: { ...draft.lead, consentText } })}
          testId="calc-consent-text"
          t={t}
        />
        <FormItem top={t.consentVersion}>
          <Input
            value={draft.lead.consentVersion}
            onChange={(e) => edit({ ...draft, lead: { ...draft.lead, consentVersion: e.target.value } })}
            data-testid="calc-consent-version"
          />
        </FormItem>
      </Group>
    </>
  );

  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <div style={{ flex: '1 1 420px', minWidth: 0 }}>{form}</div>
      <div style={{ position: 'sticky', top: 56, flex: 'none', paddingTop: 8, margin: '0 auto' }}>
        <CalculatorPreview config={settled} api={api} note={t.previewNote} />
      </div>
    </div>
  );
}
