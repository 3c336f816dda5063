// The browser entry point: the shop the page came with, one tRPC client and one query cache for the page's
// lifetime, then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { AppProviders } from './app-providers';
import { createQueryClient } from './query-client';
import { createBrowserTrpcClient } from './trpc';
import { applyBrand, readStorefront } from './storefront/storefront-data';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

// The shop came inside the page (server/http/storefront-html.ts): its colours apply before the first render.
const storefront = readStorefront();
if (storefront) applyBrand(storefront.profile);

createRoot(container).render(
  <StrictMode>
    <AppProviders
      trpcClient={createBrowserTrpcClient()}
      queryClient={createQueryClient()}
      storefront={storefront}
    >
      <App />
    </AppProviders>
  </StrictMode>,
);
