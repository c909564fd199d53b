import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
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
import { App } from './App';
import { relayoutTextWhenFontsArrive } from './fonts/relayout';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
relayoutTextWhenFontsArrive();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
