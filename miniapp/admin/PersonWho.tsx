/** A participant or member named as person-who.ts words them: «Одноклассники · 5550001», a VK id linked to its profile. */
import { Link } from '@vkontakte/vkui';
import { useApp } from '../app-context.ts';
import { OPEN_PROFILE, personWho } from './person-who.ts';

export function PersonWho({ person }: { person: { platform: string; userId: string; profileUrl?: string | null } }) {
  const { language } = useApp();
  const who = personWho(person, language);
  return (
    <>
      {`${who.platform} · `}
      {/* The address comes from the server: builds carry no external URLs (tests/package/external-hosts). */}
      {who.href ? (
        <Link
          href={who.href}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`${OPEN_PROFILE[language]} ${who.platform} ${who.text}`}
        >
          {who.text}
        </Link>
      ) : (
        who.text
      )}
    </>
  );
}
