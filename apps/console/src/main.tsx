import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { cspNonce, nonceScriptStyles } from './csp-nonce';
import './global.css';

nonceScriptStyles(cspNonce());

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
