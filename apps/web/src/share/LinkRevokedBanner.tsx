/**
 * Shown when the server closed this tab's socket because its link was replaced (close 4401):
 * reconnecting cannot help, so say what can, and the map stays read-only.
 */
export function LinkRevokedBanner() {
  return (
    <div className="link-revoked" role="alert" data-testid="link-revoked">
      <strong>This link no longer works — ask for a new one.</strong>
      <span>
        Whoever manages this map replaced its links. What you see stays on screen, but it no longer updates
        and cannot be changed.
      </span>
    </div>
  );
}
