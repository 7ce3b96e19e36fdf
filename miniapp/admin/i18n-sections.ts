/**
 * The names of a brand's office sections (server/auth/sections.ts), ru and en: one home for the invitation screen,
 * the team section and the audit log. Free of the rest of the office, so the invitation screen (also in the iOS single
 * file, docs/decisions/024, 036) can take it. Typed by the server's list: a section added there and not named here
 * does not compile.
 */
import type { Section } from '../../server/auth/sections.ts';

type SectionLabels = { [K in `section_${Section}`]: string };

export const sectionLabelsRu: SectionLabels = {
  section_campaigns: 'Акции',
  section_launch: 'Запуск акций',
  section_prizes: 'Призы',
  section_mailings: 'Рассылки',
  section_stats: 'Статистика',
  section_support: 'Поддержка',
  section_leads: 'Заявки',
  section_team: 'Команда',
};

export const sectionLabelsEn: SectionLabels = {
  section_campaigns: 'Campaigns',
  section_launch: 'Launching campaigns',
  section_prizes: 'Prizes',
  section_mailings: 'Mailings',
  section_stats: 'Statistics',
  section_support: 'Support',
  section_leads: 'Leads',
  section_team: 'Team',
};
