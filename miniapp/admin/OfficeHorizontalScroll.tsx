/**
 * VKUI's HorizontalScroll for the office's sideways tab strips, its arrows labelled in the office's language: VKUI
 * labels them "Назад" / "Вперед" whatever the language, and a screen reader in an English office read them so.
 */
import { HorizontalScroll, type HorizontalScrollProps } from '@vkontakte/vkui';
import { useOffice } from './use-office.ts';

export function OfficeHorizontalScroll({ slotProps, ...props }: HorizontalScrollProps) {
  const { t } = useOffice();
  return (
    <HorizontalScroll
      {...props}
      slotProps={{
        ...slotProps,
        prevArrow: { label: t.scrollBack, ...slotProps?.prevArrow },
        nextArrow: { label: t.scrollForward, ...slotProps?.nextArrow },
      }}
    />
  );
}
