import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import { CertflowError } from '@certflow/client';
import { cspNonce } from './csp-nonce';
import { AppRoutes } from './router';
import { SessionProvider } from './session/session-provider';
import { theme } from './theme';

dayjs.locale('zh-cn');

function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A refusal (4xx) will not change by asking again; a network failure might.
        retry: (count, error) =>
          !(error instanceof CertflowError && error.status < 500) && count < 2,
        refetchOnWindowFocus: true,
      },
    },
  });
}

/** The providers: zh_CN locale and CSP nonce for antd, the query cache, the session, the routes. */
export function App() {
  const [queryClient] = useState(newQueryClient);
  const nonce = cspNonce();
  return (
    <ConfigProvider
      locale={zhCN}
      theme={theme}
      button={{ autoInsertSpace: false }}
      {...(nonce ? { csp: { nonce } } : {})}
    >
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </SessionProvider>
      </QueryClientProvider>
    </ConfigProvider>
  );
}
