import { type BalanceAnalysis, TEAM_LABELS } from '@baton/model';
import { TEAM_COLORS } from '../canvas/palette';
import { percentText } from './words';

/** Marketing against sales: the share of touchpoints each side has, and the stages it covers. */
export function BalanceBar({ balance }: { balance: BalanceAnalysis }) {
  const { marketing, sales } = balance.teams;
  const total = marketing.touchpoints + sales.touchpoints;
  return (
    <div className="balance" data-testid="balance">
      <div
        className="balance-bar"
        role="img"
        aria-label={`Marketing ${percentText(marketing.touchpointShare)}, sales ${percentText(sales.touchpointShare)}`}
      >
        {total === 0 ? (
          <span className="balance-empty" />
        ) : (
          <>
            <span style={{ flexGrow: marketing.touchpoints, background: TEAM_COLORS.marketing.accent }} />
            <span style={{ flexGrow: sales.touchpoints, background: TEAM_COLORS.sales.accent }} />
          </>
        )}
      </div>
      <div className="balance-legend">
        {[marketing, sales].map((side) => (
          <span key={side.team} className={side.starved ? 'starved' : undefined}>
            <strong style={{ color: TEAM_COLORS[side.team].ink }}>{TEAM_LABELS[side.team]}</strong>{' '}
            {side.touchpoints} · {percentText(side.touchpointShare)} · {side.stages.length}/4 stages
            {side.starved && ' · starved'}
          </span>
        ))}
      </div>
    </div>
  );
}
