/**
 * VKUI's Banner inset as a Group's other content is. A bare Banner has no margin, and a Group on a phone has no side
 * padding, so it ran from one edge of the screen to the other (decision 095 found it on the pools page; 103 made every
 * office banner this one).
 * @example {note && <InsetBanner mode="tint" title={note} onDismiss={() => setNote(null)} />}
 */
import { Banner, type BannerProps, Div } from '@vkontakte/vkui';

export function InsetBanner(props: BannerProps) {
  return (
    <Div>
      <Banner {...props} />
    </Div>
  );
}
