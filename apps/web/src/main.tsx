import '@xyflow/react/dist/style.css';
import './fonts/fonts.css';
import './styles/base.css';
import './styles/start.css';
import './styles/map.css';
import './styles/canvas.css';
import './styles/palette.css';
import './styles/editors.css';
import './styles/analysis.css';
import './styles/presence.css';
import './styles/notes.css';
import './panels/panels.css';
import './styles/workshop.css';
import { earlyStartReady, startMapEarly } from './sync/early-session';

/** The longest the app's first render waits for a map link's check and first copy, once its code is in. */
const FIRST_RENDER_WAIT_MS = 1000;

// The entry holds only what opens a map: the app (React, React Flow, the workspace) is a chunk
// of its own, fetched and evaluated while a map link's content is already on its way.
const app = import('./render-app');
// The map's first copy is drawn by the app's code: it waits for this very chunk, not a chunk of its own.
startMapEarly(window.location, () => app);
app.then(
  async ({ renderApp }) => {
    await earlyStartReady(FIRST_RENDER_WAIT_MS);
    renderApp();
  },
  () => {
    const root = document.getElementById('root');
    if (root) root.textContent = 'Baton could not load. Check your connection and reload the page.';
  },
);
