/**
 * What a user reads on the current screen, for the language and contrast sweeps: every visible text node (with
 * whether it sits in the UI's chrome — a header, a button, a label, a tab, an empty state), every placeholder,
 * aria-label and title; and the strings the database holds, which a screen may show as they are (seed content).
 */
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';

export interface UiText {
  text: string;
  /** `text` for a text node, else the attribute it came from. */
  kind: 'text' | 'placeholder' | 'aria-label' | 'title';
  /** In a header, button, link, tab, label or empty state (not in free content such as a list's cells). */
  chrome: boolean;
}

/** The visible texts of the page (the hidden, the off-screen panels and what a user typed into fields excluded). */
export function uiTexts(page: Page): Promise<UiText[]> {
  return page.evaluate(() => {
    const CHROME =
      'button, a, [role="button"], [role="tab"], [role="link"], [role="menuitem"], label, legend, th, h1, h2, h3, h4, h5, h6, [class*="PanelHeader"], [class*="Header"], [class*="FormItem"], [class*="Placeholder"]';
    const out: { text: string; kind: 'text' | 'placeholder' | 'aria-label' | 'title'; chrome: boolean }[] = [];
    const visible = (el: Element) => {
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.right > 0 && r.left < window.innerWidth;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('script, style, noscript, textarea, [contenteditable]')) continue;
      if (!visible(parent)) continue;
      out.push({ text, kind: 'text', chrome: parent.closest(CHROME) !== null });
    }
    for (const el of document.body.querySelectorAll('[placeholder], [aria-label], [title]')) {
      if (!visible(el)) continue;
      for (const kind of ['placeholder', 'aria-label', 'title'] as const) {
        const text = el.getAttribute(kind)?.trim();
        if (text) out.push({ text, kind, chrome: true });
      }
    }
    return out;
  });
}

/** Every string the database holds, JSON columns opened to their string leaves (campaign texts live in JSON). */
export function storedStrings(dbPath: string): string[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  const found = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string') {
      const s = value.trim();
      if (!s) return;
      found.add(s);
      if (/^[[{]/.test(s)) {
        try {
          add(JSON.parse(s));
        } catch {
          // not JSON after all: kept as the string it is
        }
      }
    } else if (Array.isArray(value)) value.forEach(add);
    else if (value && typeof value === 'object') Object.values(value).forEach(add);
  };
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
    for (const { name } of tables) {
      for (const row of db.prepare(`select * from "${name}"`).iterate()) add(row);
    }
  } finally {
    db.close();
  }
  // Longest first, so a title is taken out whole before any shorter string inside it.
  return [...found].sort((a, b) => b.length - a.length);
}

/** The text with every stored string it contains, as whole words, taken out (what the UI added around the data). */
export function withoutStored(text: string, stored: readonly string[]): string {
  const letter = /[\p{L}\p{N}]/u;
  let rest = text;
  for (const s of stored) {
    if (s.length > rest.length) continue;
    for (let at = rest.indexOf(s); at >= 0; at = rest.indexOf(s, at + 1)) {
      const before = rest[at - 1] ?? ' ';
      const after = rest[at + s.length] ?? ' ';
      if (letter.test(before) || letter.test(after)) continue;
      rest = `${rest.slice(0, at)} ${rest.slice(at + s.length)}`;
    }
  }
  return rest;
}
