/** One ready mechanic: its name and purpose in the office's language, mechanic and legal type, a live thumbnail. */
import { Caption, Card, Div, Paragraph, Title, useColorScheme } from '@vkontakte/vkui';
import { type ReactNode, useState } from 'react';
import type { Template } from '../office-api.ts';
import { createMemoryRouter } from '../preview/memory-router.ts';
import { PreviewFrame } from '../preview/PreviewFrame.tsx';
import { useOffice } from '../use-office.ts';

const THUMBNAIL_SCALE = 0.42;

export function TemplateCard({ template, action }: { template: Template; action: ReactNode }) {
  const { t, language } = useOffice();
  const scheme = useColorScheme();
  const [router] = useState(() => createMemoryRouter('/campaign/1'));
  return (
    <Card mode="outline" data-testid={`office-template-${template.key}`}>
      <Div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start' }}>
        <PreviewFrame
          preview={template.preview}
          router={router}
          language={language}
          colorScheme={scheme === 'dark' ? 'dark' : 'light'}
          scale={THUMBNAIL_SCALE}
        />
        {/* Beside the thumbnail while 200 px fit, below it otherwise. */}
        <div style={{ display: 'flex', flexDirection: 'column', gap: 8, minWidth: 0, flex: '1 1 200px' }}>
          <Title level="3">{template.title[language] || template.title.ru}</Title>
          <Caption style={{ color: 'var(--vkui--color_text_secondary)' }}>
            {`${t[`mechanic_${template.mechanic}` as 'mechanic_tasks'] ?? template.mechanic} · ${
              t[`legal_${template.legalType}` as 'legal_draw'] ?? template.legalType
            }`}
          </Caption>
          <Paragraph>{template.purpose[language] || template.purpose.ru}</Paragraph>
          {action}
        </div>
      </Div>
    </Card>
  );
}
