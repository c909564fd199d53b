import { type MapSnapshot, type SignOff, stageSignOffs, type Team } from '@baton/model';
import type { Author, DiscussActions } from './discuss-actions';

const STATUS = {
  open: 'Not signed',
  'partly-signed': 'Waiting for the other team',
  signed: 'Agreed by both teams',
  stale: 'Changed since signed',
} as const;
const TEAM = { marketing: 'Marketing', sales: 'Sales' } as const;

interface SignOffListProps {
  snapshot: MapSnapshot;
  /** Only a workshop participant with a team signs, for that team. */
  signer: (Author & { team: Team }) | null;
  canWrite: boolean;
  actions: DiscussActions;
}

function Signature({ signOff, team }: { signOff: SignOff | null; team: Team }) {
  return (
    <span className={`signature${signOff ? ' signed' : ''}`} data-testid={`signature-${team}`}>
      {TEAM[team]}:{' '}
      {signOff
        ? `${signOff.name}, ${new Date(signOff.signedAt).toLocaleTimeString([], { timeStyle: 'short' })}`
        : '—'}
    </span>
  );
}

/**
 * Stage sign-off: one marketing and one sales participant agree each stage and its handoffs.
 * A later change to the stage marks it stale and says what changed; signing again renews it.
 */
export function SignOffList({ snapshot, signer, canWrite, actions }: SignOffListProps) {
  const stages = stageSignOffs(snapshot, snapshot.workshop?.signOffs ?? []);
  const labelOf = (stage: keyof typeof snapshot.stages) => snapshot.stages[stage]?.label ?? stage;
  return (
    <ul className="signoff-list" data-testid="signoff-list">
      {stages.map((entry) => {
        const mine = signer ? entry[signer.team] : null;
        const current = mine && entry.status !== 'stale';
        return (
          <li
            key={entry.stage}
            className={`signoff-stage status-${entry.status}`}
            data-testid="signoff-stage"
            data-stage={entry.stage}
            data-status={entry.status}
          >
            <div className="signoff-head">
              <strong>{labelOf(entry.stage)}</strong>
              <span className="signoff-status">{STATUS[entry.status]}</span>
            </div>
            <Signature signOff={entry.marketing} team="marketing" />
            <Signature signOff={entry.sales} team="sales" />
            {entry.status === 'stale' && (
              <ul className="signoff-changes" data-testid="signoff-changes">
                {entry.changes.map((change) => (
                  <li key={change}>{change}</li>
                ))}
              </ul>
            )}
            {signer && canWrite && (
              <div className="panel-actions">
                {!current && (
                  <button
                    type="button"
                    className="button small primary"
                    onClick={() => actions.signOff(snapshot, entry.stage, signer)}
                    data-testid="sign-off"
                  >
                    {mine ? 'Sign again' : `Sign off for ${TEAM[signer.team]}`}
                  </button>
                )}
                {mine && (
                  <button
                    type="button"
                    className="button small ghost"
                    onClick={() => actions.withdrawSignOff(entry.stage, signer.team)}
                  >
                    Withdraw
                  </button>
                )}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
