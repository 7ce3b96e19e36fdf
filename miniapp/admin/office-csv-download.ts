/**
 * Saves an office CSV wherever the office runs. VK's mobile clients cannot save a blob from the page, so where the
 * platform has its own downloader (`platform.downloadFile`: VK's `VKWebAppDownloadFile`) the office asks the server for
 * a signed one-minute link to the file (server/office-downloads/) and hands that to it: VK's downloader sends no launch
 * data, and the link needs none. Elsewhere, or when the client cannot (`unsupported`, refused), the CSV is fetched with
 * the launch data and saved as a blob (saveFile). Every office CSV goes through here.
 */
import type { ApiClient } from '../api/client.ts';
import type { PlatformAdapter } from '../platform/types.ts';
import { saveFile } from './stats/save-file.ts';

/** One office CSV: its address (with the launch data), the route that signs a link to it, and the name it is saved as. */
export interface OfficeCsv {
  csvPath: string;
  linkPath: string;
  /** The link route's JSON body, where it takes one (the stuck list's stage and hours). */
  linkBody?: unknown;
  fileName: string;
}

/**
 * @example await downloadOfficeCsv(api, platform, { csvPath, linkPath: `${csvPath}/download-link`, fileName });
 */
export async function downloadOfficeCsv(
  api: Pick<ApiClient, 'request' | 'download' | 'baseUrl'>,
  platform: Pick<PlatformAdapter, 'downloadFile'>,
  file: OfficeCsv,
): Promise<void> {
  if (platform.downloadFile) {
    const { url } = await api.request<{ url: string }>('POST', file.linkPath, file.linkBody);
    // Absolute: VK's downloader is not this page and resolves nothing against it.
    const absolute = new URL(`${api.baseUrl ?? ''}${url}`, location.href).href;
    if ((await platform.downloadFile(absolute, file.fileName)).status === 'done') return;
  }
  saveFile(await api.download(file.csvPath), file.fileName);
}
