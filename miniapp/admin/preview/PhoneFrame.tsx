/**
 * The phone the office's previews draw participant screens in: 360×720, its own VKUI ConfigProvider/AppRoot (light or
 * dark, mobile adaptivity) and its own app context, so the screens inside see the preview's platform and API, never
 * the office's.
 */
import {
  AdaptivityProvider,
  AppRoot,
  ConfigProvider,
  SplitCol,
  SplitLayout,
  ViewHeight,
  ViewWidth,
} from '@vkontakte/vkui';
import type { ReactNode } from 'react';
import { AppContext, type AppServices } from '../../app-context.ts';
import type { ColorScheme } from '../../platform/types.ts';

export const PHONE = { width: 360, height: 720 };

export function PhoneFrame({
  services,
  colorScheme,
  scale = 1,
  testId = 'office-preview',
  children,
}: {
  services: AppServices;
  colorScheme: ColorScheme;
  /** Scale of the whole frame (thumbnails in the catalogue). */
  scale?: number;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div
      style={{ width: PHONE.width * scale, height: PHONE.height * scale, flex: 'none' }}
      data-testid={testId}
      data-color-scheme={colorScheme}
      data-language={services.language}
    >
      <div
        style={{
          width: PHONE.width,
          height: PHONE.height,
          // A transform (even an identity one) makes the frame the containing block of the screens' fixed parts
          // (VKUI's panel header): they stay in the phone as its screen scrolls.
          transform: scale === 1 ? 'translateZ(0)' : `scale(${scale})`,
          transformOrigin: '0 0',
          border: '10px solid #1d1d1f',
          borderRadius: 36,
          overflow: 'hidden',
          boxSizing: 'border-box',
          boxShadow: '0 8px 32px rgba(0,0,0,.18)',
          pointerEvents: scale === 1 ? undefined : 'none',
        }}
      >
        <ConfigProvider locale={services.language} colorScheme={colorScheme} platform="android" isWebView>
          <AdaptivityProvider viewWidth={ViewWidth.MOBILE} viewHeight={ViewHeight.MEDIUM} hasPointer={false}>
            <AppRoot mode="embedded" scroll="contain" style={{ height: '100%', overflowY: 'auto' }}>
              {/* The phone's own column, as the app has: VKUI sizes a screen's fixed header by its column, and
                  without one here it took the office's (a long title ran past the phone's edge, no ellipsis). */}
              <SplitLayout>
                <SplitCol width="100%" stretchedOnMobile>
                  <AppContext.Provider value={services}>{children}</AppContext.Provider>
                </SplitCol>
              </SplitLayout>
            </AppRoot>
          </AdaptivityProvider>
        </ConfigProvider>
      </div>
    </div>
  );
}
