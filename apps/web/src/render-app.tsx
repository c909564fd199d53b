import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { relayoutTextWhenFontsArrive } from './fonts/relayout';

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
