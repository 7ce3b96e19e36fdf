/** Strings of the giveaway's draw section in the participant app (miniapp/screens/promo/DrawSection.tsx), ru and en. */
export const drawResultsRu = {
  drawTitle: 'Розыгрыш',
  drawAt: 'Итоги: {date}',
  drawCount: 'Победителей: {winners}, резервных: {reserves}',
  entered: 'Вы участвуете в розыгрыше',
  enteredText: 'Все условия выполнены. Удачи!',
  missingTitle: 'Чтобы участвовать, осталось:',
  notJoined: 'Выполните задания, чтобы участвовать в розыгрыше.',
  awaitingLaunch: 'Хеш зерна розыгрыша опубликуют при старте акции.',
  commitment: 'Хеш секретного зерна (SHA-256), опубликован при старте',
  algorithm: 'Алгоритм',
  resultsTitle: 'Итоги розыгрыша',
  winners: 'Победители',
  reserves: 'Резервные победители',
  replaced: 'Заменены организатором',
  you: 'Это вы',
  entryLine: 'Запись № {index} · {hash}',
  seed: 'Раскрытое зерно',
  entriesHash: 'Хеш списка участников ({count})',
  checkTitle: 'Проверьте сами',
  checkText:
    'До розыгрыша организатор опубликовал хеш секретного зерна. Теперь зерно раскрыто: посчитайте SHA-256 от его байтов — он должен совпасть с опубликованным хешем. Список участников (№ и SHA-256 от «платформа:id») доступен по адресу /api/campaigns/{id}/draw/entries; ваша запись — {mine}. Победители вычисляются из зерна и списка по шагам ниже, и любой может их повторить.',
};
export type DrawResultsMessages = typeof drawResultsRu;

export const drawResultsEn: DrawResultsMessages = {
  drawTitle: 'Prize draw',
  drawAt: 'Results: {date}',
  drawCount: 'Winners: {winners}, reserves: {reserves}',
  entered: 'You are in the draw',
  enteredText: 'You have met every condition. Good luck!',
  missingTitle: 'To enter the draw, still to do:',
  notJoined: 'Complete the tasks to enter the draw.',
  awaitingLaunch: "The hash of the draw's seed is published when the campaign starts.",
  commitment: 'Hash of the secret seed (SHA-256), published at the start',
  algorithm: 'Algorithm',
  resultsTitle: 'Draw results',
  winners: 'Winners',
  reserves: 'Reserves',
  replaced: 'Replaced by the organiser',
  you: 'This is you',
  entryLine: 'Entry #{index} · {hash}',
  seed: 'Revealed seed',
  entriesHash: 'Hash of the list of entries ({count})',
  checkTitle: 'Check it yourself',
  checkText:
    "Before the draw the organiser published the hash of a secret seed. The seed is now revealed: compute SHA-256 of its bytes and compare it with the published hash. The list of entries (number and SHA-256 of 'platform:id') is at /api/campaigns/{id}/draw/entries; your entry is {mine}. The winners follow from the seed and the list by the steps below, and anyone can repeat them.",
};
