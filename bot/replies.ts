/**
 * @module Every word the bot says, in each campaign language (ru, en). The recipient's language is their launch's
 * `vk_language` kept on the participant (server/mailing/message-language.ts); someone the bot does not know yet
 * gets the campaign default. Keeping the texts in one table lets the compiler hold both languages complete.
 */
import type { ContentLanguage } from '../server/campaigns/content-language.ts';

export interface BotTexts {
  help: string;
  supportPrompt: string;
  ticketRecorded: (ticketId: number) => string;
  menuSent: string;
  done: string;
  continueTo: (title: string) => string;
  menu: { progress: string; prizes: string; support: string; help: string };
  notParticipating: string;
  progressHeader: string;
  progressLine: (o: { title: string; step: string; done: number; total: number; next?: string }) => string;
  noPrizes: string;
  noPrizesYet: string;
  prizesHeader: string;
  /** The last line of a list cut to fit one message. */
  more: (n: number) => string;
  /** Answers to the stop word and to subscribing again (the community's reminders and mailings). */
  unsubscribed: string;
  subscribed: string;
}

export const BOT_TEXTS: Record<ContentLanguage, BotTexts> = {
  ru: {
    help:
      'Здравствуйте! Я бот акций сообщества.\n' +
      '«Мой прогресс» — где вы остановились и что дальше,\n«Мои призы» — полученные призы и коды,\n' +
      '«Поддержка» — задать вопрос (или просто напишите его сюда),\n«Стоп» — не получать напоминания и рассылки.',
    supportPrompt: 'Опишите вопрос одним сообщением — оператор ответит здесь же.',
    ticketRecorded: (id) => `Спасибо! Вопрос записан в обращение №${id}, оператор ответит здесь.`,
    menuSent: 'Меню отправлено',
    done: 'Готово',
    continueTo: (title) => `Продолжить: ${title}`,
    menu: { progress: 'Мой прогресс', prizes: 'Мои призы', support: 'Поддержка', help: 'Помощь' },
    notParticipating: 'Вы ещё не участвуете в акциях сообщества. Откройте приложение, чтобы начать.',
    progressHeader: 'Ваш прогресс:',
    progressLine: (o) =>
      `• ${o.title}: этап ${o.step}, заданий выполнено ${o.done} из ${o.total}` +
      (o.next ? `; дальше: «${o.next}»` : ''),
    noPrizes: 'Призов пока нет.',
    noPrizesYet: 'Призов пока нет — выполните задания в приложении.',
    prizesHeader: 'Ваши призы:',
    more: (n) => `…и ещё ${n} — в приложении`,
    unsubscribed:
      'Готово: напоминаний и рассылок сообщества больше не будет. Ответы на ваши вопросы по-прежнему придут сюда. ' +
      'Чтобы снова их получать, напишите «Подписаться».',
    subscribed: 'Вы снова будете получать напоминания и новости акций сообщества. Чтобы отписаться, напишите «Стоп».',
  },
  en: {
    help:
      "Hello! I am the community's promotions bot.\n" +
      '"My progress" — where you stopped and what is next,\n"My prizes" — the prizes and codes you received,\n' +
      '"Support" — ask a question (or simply write it here),\n"Stop" — no more reminders or mailings.',
    supportPrompt: 'Describe your question in one message — an operator will answer here.',
    ticketRecorded: (id) => `Thank you! Your question is ticket #${id}; an operator will answer here.`,
    menuSent: 'Menu sent',
    done: 'Done',
    continueTo: (title) => `Continue: ${title}`,
    menu: { progress: 'My progress', prizes: 'My prizes', support: 'Support', help: 'Help' },
    notParticipating: "You are not in any of the community's promotions yet. Open the app to start.",
    progressHeader: 'Your progress:',
    progressLine: (o) =>
      `• ${o.title}: stage ${o.step}, tasks done ${o.done} of ${o.total}${o.next ? `; next: "${o.next}"` : ''}`,
    noPrizes: 'No prizes yet.',
    noPrizesYet: 'No prizes yet — complete the tasks in the app.',
    prizesHeader: 'Your prizes:',
    more: (n) => `…and ${n} more in the app`,
    unsubscribed:
      'Done: no more reminders or mailings from the community. Answers to your questions still come here. ' +
      'To get them again, write "Subscribe".',
    subscribed: 'You will get the community\'s reminders and promotion news again. To stop them, write "Stop".',
  },
};
