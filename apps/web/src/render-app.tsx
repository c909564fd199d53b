import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { relayoutTextWhenFontsArrive } from './fonts/relayout';

// For the entry's first copy of a map (sync/first-copy.ts), which needs the app's code to show it.
export { showFirstView } from './sync/first-view';

export function renderApp(): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html lacks #root');
  relayoutTextWhenFontsArrive();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
