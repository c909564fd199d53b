import type { MapSnapshot } from '@baton/model';
import { type Dispatch, memo, type SetStateAction, useMemo, useState } from 'react';
import { useQuietValue } from '../sync/quiet-value';
import { createConnectionNamer } from './connection-names';

interface ConnectionKeysProps {
  touchpoints: MapSnapshot['touchpoints'];
  connections: MapSnapshot['connections'];
  /** Enter (or a click) on a connection: it becomes the selection, and its editor or inspector opens. */
  onOpen: (id: string) => void;
}

const NONE: Pick<MapSnapshot, 'touchpoints' | 'connections'> = { touchpoints: [], connections: [] };

interface ConnectionKeyProps {
  id: string;
  name: string;
  onOpen: (id: string) => void;
  onFocusChange: Dispatch<SetStateAction<string | null>>;
}

/** One connection's button; memoised, so an edit re-renders only the buttons whose name changed. */
const ConnectionKey = memo(function ConnectionKey({ id, name, onOpen, onFocusChange }: ConnectionKeyProps) {
  return (
    <li>
      <button
        type="button"
        data-testid="connection-key"
        data-connection-id={id}
        onClick={() => onOpen(id)}
        onFocus={() => onFocusChange(id)}
        onBlur={() => onFocusChange((current) => (current === id ? null : current))}
      >
        {name}
      </button>
    </li>
  );
});

/**
 * The connections for the keyboard and screen readers: one button per connection, named by its
 * kind and card titles, after the cards in the tab order (React Flow puts its edges before its
 * nodes, so focusable edges came first). Hidden until focused; the focused one shows as a pill
 * and its line is drawn thicker. Kept up to date in a background render once edits pause (at
 * least once a second), after the cards: a map that just arrived shows its cards first, and a
 * colleague's typing is not followed by renaming and re-rendering the list at every keystroke.
 */
export const ConnectionKeys = memo(function ConnectionKeys(props: ConnectionKeysProps) {
  const { onOpen } = props;
  const current = useMemo(
    () => ({ touchpoints: props.touchpoints, connections: props.connections }),
    [props.touchpoints, props.connections],
  );
  const { touchpoints, connections } = useQuietValue(current, NONE);
  const [nameConnections] = useState(createConnectionNamer);
  const named = useMemo(
    () => nameConnections({ touchpoints, connections }),
    [nameConnections, touchpoints, connections],
  );
  const [focused, setFocused] = useState<string | null>(null);
  // The same list (no name changed) gives the same elements, so React does not walk them again.
  const keys = useMemo(
    () =>
      named.map(({ id, name }) => (
        <ConnectionKey key={id} id={id} name={name} onOpen={onOpen} onFocusChange={setFocused} />
      )),
    [named, onOpen],
  );
  if (!named.length) return null;
  return (
    <>
      <ul className="connection-keys" aria-label="Connections">
        {keys}
      </ul>
      {focused && (
        <style>{`.react-flow__edge[data-id="${CSS.escape(focused)}"] .react-flow__edge-path { stroke-width: 5px; }`}</style>
      )}
    </>
  );
});
