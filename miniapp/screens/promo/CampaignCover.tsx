/**
 * The campaign's cover (the brand's `theme.coverUrl`, set in the office's look section) above its title. Only an
 * https image is shown, as the server accepts and the page's CSP allows; one that does not load leaves no gap.
 */
import { useState } from 'react';

export function CampaignCover({ url }: { url: string | undefined }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (!url || !/^https:\/\//i.test(url) || failed === url) return null;
  return (
    <img
      src={url}
      alt=""
      data-testid="campaign-cover"
      onError={() => setFailed(url)}
      style={{
        display: 'block',
        width: '100%',
        aspectRatio: '2 / 1',
        objectFit: 'cover',
        borderRadius: 'var(--vkui--size_border_radius--regular)',
        marginBottom: 12,
      }}
    />
  );
}
