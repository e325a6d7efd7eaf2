import { Alert, Button, Result } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { readToken } from '../../session/claims';
import { useSession } from '../../session/session-context';
import { safeNext } from '../../session/session-store';

interface HandOff {
  readonly token: string | null;
  readonly next: string;
  readonly usable: boolean;
}

/** Reads `#token=…&next=…` (a fragment never reaches a server log or a Referer). */
function readHandOff(): HandOff {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const token = params.get('token');
  const user = token ? readToken(token) : null;
  return {
    token,
    next: safeNext(params.get('next')),
    usable: user !== null && user.expiresAt > Date.now(),
  };
}

/** The identity system's hand-off: `/sso#token=<JWT>&next=/instances/…`. */
export default function SsoPage() {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [handOff] = useState(readHandOff);
  const taken = useRef(false);
  useEffect(() => {
    if (taken.current) return;
    taken.current = true;
    // The token leaves the address bar (and the history) at once.
    window.history.replaceState(null, '', window.location.pathname);
    if (handOff.usable && handOff.token && signIn(handOff.token))
      void navigate(handOff.next, { replace: true });
  }, [handOff, signIn, navigate]);
  if (handOff.usable) return null;
  return (
    <main style={{ padding: 24 }}>
      <Result
        status="warning"
        title="登录凭证无效或已过期"
        extra={
          <Button type="primary" onClick={() => void navigate('/login', { replace: true })}>
            返回登录页
          </Button>
        }
      >
        <Alert type="info" title="请重新从学校统一身份认证平台进入本系统。" />
      </Result>
    </main>
  );
}
