import type { Team } from '@baton/model';
import { type FormEvent, useState } from 'react';

interface JoinDialogProps {
  /** "start" asks for a title too: whoever starts a workshop facilitates it. */
  mode: 'start' | 'join';
  defaultName: string;
  onSubmit: (input: { name: string; team: Team; title?: string }) => Promise<boolean>;
  onClose: () => void;
}

/** Start a workshop (you facilitate) or join the running one, with your name and team. */
export function JoinDialog({ mode, defaultName, onSubmit, onClose }: JoinDialogProps) {
  const [name, setName] = useState(defaultName);
  const [team, setTeam] = useState<Team>('marketing');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    const done = await onSubmit({
      name: name.trim(),
      team,
      ...(title.trim() ? { title: title.trim() } : {}),
    });
    setBusy(false);
    if (done) onClose();
  };
  return (
    <div className="modal-backdrop">
      <form
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="join-title"
        onSubmit={submit}
        data-testid="workshop-join-dialog"
      >
        <h2 id="join-title">{mode === 'start' ? 'Start a workshop' : 'Join the workshop'}</h2>
        <p className="muted">
          {mode === 'start'
            ? 'You will facilitate: move through the agenda, run the timer and ballots, lock and summon.'
            : 'Your name and team show in the participant list, on your comments and sign-offs.'}
        </p>
        {mode === 'start' && (
          <input
            className="input"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder="Workshop title (optional)"
            aria-label="Workshop title"
            maxLength={120}
            data-testid="workshop-title-input"
          />
        )}
        <input
          className="input"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="Your full name"
          aria-label="Your full name"
          maxLength={120}
          required
          data-testid="workshop-name-input"
        />
        <fieldset className="team-choice">
          <legend>Your team</legend>
          {(['marketing', 'sales'] as const).map((option) => (
            <label key={option} className="checkbox-line">
              <input
                type="radio"
                name="team"
                value={option}
                checked={team === option}
                onChange={() => setTeam(option)}
                data-testid={`team-${option}`}
              />
              {option === 'marketing' ? 'Marketing' : 'Sales'}
            </label>
          ))}
        </fieldset>
        <div className="panel-actions">
          <button type="button" className="button ghost" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button primary"
            disabled={busy || !name.trim()}
            data-testid="workshop-join-submit"
          >
            {mode === 'start' ? 'Start workshop' : 'Join'}
          </button>
        </div>
      </form>
    </div>
  );
}
