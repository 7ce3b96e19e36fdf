/**
 * The panel VKUI shows now, for tests that look inside it: during a transition the leaving panel is still in the DOM
 * (hence the last), and a View nested in a panel has active panels of its own (hence the outermost).
 */
import type { Locator, Page } from 'playwright-core';

/** @example await activePanel(page).getByText('No access', { exact: true }).waitFor(); */
export const activePanel = (page: Page): Locator =>
  page.locator('.vkuiView__panelActive:not(.vkuiView__panelActive .vkuiView__panelActive)').last();
