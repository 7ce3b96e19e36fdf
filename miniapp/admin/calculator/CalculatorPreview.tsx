/**
 * The calculator editor's live preview: the participant's REAL calculator screen (miniapp/screens/calculator/) in the
 * office's phone frame, light or dark, ru or en, fed with the draft as the brand types it. Results come from the
 * server's preview route with the unsaved configuration; the lead form refuses to send, so nothing is written.
 */
import { Div, Group, Panel, PanelHeader, View } from '@vkontakte/vkui';
import { useMemo, useState } from 'react';
import { participantView } from '../../../server/calculator/participant-view.ts';
import { ApiRequestError } from '../../api/client.ts';
import type { AppServices } from '../../app-context.ts';
import { messages } from '../../i18n.ts';
import type { ColorScheme } from '../../platform/types.ts';
import { CalculatorScreen } from '../../screens/calculator/CalculatorScreen.tsx';
import type { CalculatorValues } from '../../screens/calculator/calculator-api.ts';
import { calculatorEn, calculatorRu } from '../../screens/calculator/i18n-calculator.ts';
import { officeMessages } from '../i18n-office.ts';
import type { Preview } from '../office-api.ts';
import { PhoneFrame } from '../preview/PhoneFrame.tsx';
import { PreviewSwitches } from '../preview/PreviewSwitches.tsx';
import { PREVIEW_WRITE, previewApiClient } from '../preview/preview-api.ts';
import { previewPlatform } from '../preview/preview-platform.ts';
import { useOffice } from '../use-office.ts';
import { forPreview } from './calculator-draft.ts';
import type { CalculatorConfig, CalculatorOfficeApi } from './calculator-office-api.ts';

export function CalculatorPreview({
  config,
  api,
  note,
}: {
  config: CalculatorConfig;
  api: CalculatorOfficeApi;
  note: string;
}) {
  const office = useOffice();
  const [lang, setLang] = useState<'ru' | 'en'>(office.language);
  const [scheme, setScheme] = useState<ColorScheme>('light');
  const services = useMemo<AppServices>(
    () => ({
      platform: previewPlatform(office.platform, lang, scheme),
      // The calculator screen asks only what it is given below; any other call inside the frame is refused.
      api: previewApiClient({} as Preview, officeMessages[lang].previewReadOnly),
      t: messages[lang],
      language: lang,
    }),
    [office.platform, lang, scheme],
  );
  const view = useMemo(() => participantView(config, lang), [config, lang]);
  const calculate = useMemo(() => {
    const sent = forPreview(config);
    return (inputs: CalculatorValues) => api.preview(sent, inputs);
  }, [api, config]);
  const refuse = () => Promise.reject(new ApiRequestError(409, PREVIEW_WRITE, officeMessages[lang].previewReadOnly));
  // A change of the inputs' shape starts the screen afresh (new fields, new defaults).
  const shape = JSON.stringify(view.inputs);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 8 }}>
      <Div style={{ display: 'flex', gap: 8 }}>
        <PreviewSwitches lang={lang} onLang={setLang} scheme={scheme} onScheme={setScheme} />
      </Div>
      <PhoneFrame services={services} colorScheme={scheme} testId="calc-preview">
        <View activePanel="calculator">
          <Panel id="calculator">
            <PanelHeader>{(lang === 'ru' ? calculatorRu : calculatorEn).calculatorTitle}</PanelHeader>
            <Group mode="plain">
              <CalculatorScreen key={shape} view={view} calculate={calculate} sendLead={refuse} live />
            </Group>
          </Panel>
        </View>
      </PhoneFrame>
      <div style={{ maxWidth: 360, color: 'var(--vkui--color_text_secondary)', fontSize: 13 }}>{note}</div>
    </div>
  );
}
