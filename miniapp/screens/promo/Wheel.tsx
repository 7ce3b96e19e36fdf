/** The wheel itself: equal sectors with their labels, a pointer at the top, turned to `rotation` degrees. */
import type { WheelSector } from '../../api/client.ts';
import styles from './Wheel.module.css';
import { labelUpsideDown, sectorCenter } from './wheel-angle.ts';
import { sectorColours } from './wheel-colours.ts';

interface Props {
  sectors: WheelSector[];
  rotation: number;
  label: string;
  /** The campaign's own accent (theme.accent), whose label accent-style.ts picked; null for VKUI's default. */
  accent: string | null | undefined;
  onTurned: () => void;
}

export function Wheel({ sectors, rotation, label, accent, onTurned }: Props) {
  const size = 360 / Math.max(1, sectors.length);
  const colours = sectorColours(sectors, accent);
  const gradient = `conic-gradient(${colours.map(([bg], i) => `${bg} ${i * size}deg ${(i + 1) * size}deg`).join(', ')})`;
  return (
    <div className={styles.frame} role="img" aria-label={label} data-testid="wheel">
      <div className={styles.pointer} />
      <div
        className={styles.disc}
        style={{ background: gradient, transform: `rotate(${rotation}deg)` }}
        onTransitionEnd={(e) => e.target === e.currentTarget && onTurned()}
        data-rotation={rotation}
      >
        {sectors.map((s, i) => (
          <div
            key={s.key}
            className={styles.label}
            data-testid={`wheel-sector-${s.key}`}
            style={{ transform: `rotate(${sectorCenter(i, sectors.length)}deg)` }}
          >
            <span
              className={styles.labelText}
              style={{
                color: colours[i]?.[1],
                transform: labelUpsideDown(i, sectors.length, rotation) ? 'rotate(180deg)' : undefined,
              }}
            >
              {s.label}
            </span>
          </div>
        ))}
      </div>
      <div className={styles.hub} />
    </div>
  );
}
