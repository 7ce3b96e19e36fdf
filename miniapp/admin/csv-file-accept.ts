/**
 * What the office's table-file pickers (code pools, prize calendar, catalogue) offer: a CSV, and the `.txt` Excel
 * writes as «Текст Юникод» (UTF-16, tabs), which the server reads alike (decision 072). By extension and by type: a
 * phone's picker may know one and not the other.
 */
export const TABLE_FILE_ACCEPT = '.csv,.txt,text/csv,text/plain';
