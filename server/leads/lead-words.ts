/**
 * @module A lead's states and the leads export's columns in both office languages: the office's inbox shows the states
 * and labels a lead's fields in these words (miniapp/admin/i18n-leads.ts reads them here) and the CSV writes them
 * (lead-office.service.ts).
 */
import type { DeliveryStatus, LeadStatus } from '../db/schema/calculator.ts';
import type { CsvLanguage } from '../http/csv.ts';
import { type Words, yesNo } from '../http/csv-words.ts';
import type { AttemptOutcome } from './webhook-delivery.ts';

export const LEAD_STATUS_WORDS: Record<LeadStatus, Words> = {
  new: { ru: 'Новая', en: 'New' },
  in_progress: { ru: 'В работе', en: 'In work' },
  converted: { ru: 'Сделка', en: 'Converted' },
  rejected: { ru: 'Отклонена', en: 'Rejected' },
};

export const DELIVERY_STATUS_WORDS: Record<DeliveryStatus, Words> = {
  pending: { ru: 'ожидает', en: 'pending' },
  delivered: { ru: 'доставлена', en: 'delivered' },
  failed: { ru: 'не доставлена', en: 'failed' },
};

/**
 * What one attempt to hand a lead to the CRM came to, as the lead's delivery log says it (before, the stored code:
 * «Попытка 1: timeout»).
 */
export const DELIVERY_OUTCOME_WORDS: Record<AttemptOutcome['outcome'], Words> = {
  delivered: { ru: 'доставлена', en: 'delivered' },
  http_error: { ru: 'CRM ответила ошибкой', en: 'the CRM answered with an error' },
  timeout: { ru: 'CRM не ответила вовремя', en: 'the CRM did not answer in time' },
  network_error: { ru: 'не удалось связаться с CRM', en: 'could not reach the CRM' },
  refused_address: { ru: 'адрес вебхука запрещён', en: 'the webhook address is not allowed' },
  no_webhook: { ru: 'вебхук не настроен', en: 'no webhook set up' },
};

/** The leads CSV's columns, in their order. */
export const LEADS_CSV_COLUMNS = {
  id: { ru: '№ заявки', en: 'Lead #' },
  created_at: { ru: 'Создана (UTC)', en: 'Created (UTC)' },
  name: { ru: 'Имя', en: 'Name' },
  phone: { ru: 'Телефон', en: 'Phone' },
  phone_verified: { ru: 'Телефон подтверждён платформой', en: 'Phone verified by the platform' },
  email: { ru: 'E-mail', en: 'E-mail' },
  email_verified: { ru: 'E-mail подтверждён платформой', en: 'E-mail verified by the platform' },
  result: { ru: 'Результат', en: 'Result' },
  inputs: { ru: 'Данные расчёта', en: 'Calculation inputs' },
  status: { ru: 'Статус', en: 'Status' },
  consent_version: { ru: 'Версия текста согласия', en: 'Consent text version' },
  consent_at: { ru: 'Согласие дано (UTC)', en: 'Consent given (UTC)' },
  policy_url: { ru: 'Политика', en: 'Policy' },
  crm_delivery: { ru: 'Доставка в CRM', en: 'CRM delivery' },
} satisfies Record<string, Words>;

/**
 * Whether the platform verified a lead's contact, as the lead's screen heads it: the CSV's column and cell words, so
 * the screen and the file say it alike (before, the screen read «Телефон · подтверждён платформой»).
 * @example contactCheckText('phone', true, 'ru') // 'Телефон подтверждён платформой: Да'
 */
export const contactCheckText = (contact: 'phone' | 'email', verified: boolean, language: CsvLanguage): string =>
  `${LEADS_CSV_COLUMNS[`${contact}_verified`][language]}: ${yesNo(verified, language)}`;
