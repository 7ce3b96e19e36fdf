/** A funnel stage in words: the office reads them from their one home, which the stuck list's CSV shares. */
export { stageLabel } from '../../server/funnel/stage-words.ts';
