/**
 * What `#/admin` shows in the iOS single-file archive, which leaves the office out (docs/decisions/023): the same
 * not-found screen a non-member sees. Brands use the office from the web build.
 */
import { NotFound } from '../screens/NotFoundPanel.tsx';

export default function OfficeOutsideArchive(_: { panel: string }) {
  return <NotFound />;
}
