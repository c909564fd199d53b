import { type FormEvent, useState } from 'react';

/** Asked once per browser: the name colleagues see beside your colour. */
export function NamePrompt({
  onSubmit,
  onCancel,
}: {
  onSubmit: (name: string) => void;
  /** Offered to viewers, who may stay a guest. */
  onCancel?: () => void;
}) {
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) onSubmit(name.trim());
  };
  return (
    <div className="modal-backdrop">
      <form
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="name-prompt-title"
        onSubmit={submit}
        data-testid="name-prompt"
      >
        <h2 id="name-prompt-title">What should colleagues call you?</h2>
        <p className="muted">Your name shows beside your colour to everyone on this map.</p>
        <input
          className="input large"
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="Your name"
          aria-label="Your name"
          maxLength={40}
          // biome-ignore lint/a11y/noAutofocus: the dialog exists to take this one answer
          autoFocus
          data-testid="name-input"
        />
        <div className="panel-actions">
          {onCancel && (
            <button type="button" className="button" onClick={onCancel} data-testid="name-cancel">
              Stay a guest
            </button>
          )}
          <button type="submit" className="button primary" disabled={!name.trim()} data-testid="name-submit">
            Join the map
          </button>
        </div>
      </form>
    </div>
  );
}
