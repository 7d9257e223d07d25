import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { createQueryClient } from './api/queries';
import { App } from './App';
import { SessionProvider } from './auth/session';
import { ErrorBoundary } from './components/ErrorBoundary';
import { I18nProvider } from './i18n/i18n';
import { NoticeProvider } from './layout/notice';
import './styles.css';

const queryClient = createQueryClient();
const root = document.getElementById('root');
if (!root) throw new Error('Värna: no #root element');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <ErrorBoundary>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <SessionProvider>
              <NoticeProvider>
                <App />
              </NoticeProvider>
            </SessionProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </ErrorBoundary>
    </I18nProvider>
  </StrictMode>,
);
