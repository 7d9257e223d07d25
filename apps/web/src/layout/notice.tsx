import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

interface Notice {
  text: string;
  /** The page the notice belongs to; it goes when the person leaves that page. */
  path: string;
}

interface NoticeValue {
  notice: Notice | null;
  /** Tells the person (and screen readers, politely) that an action succeeded. */
  announce: (text: string, path?: string) => void;
  clear: () => void;
  /** Drops a notice that belongs to another page than `path`. */
  keepOnlyFor: (path: string) => void;
}

const NoticeContext = createContext<NoticeValue | null>(null);

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const announce = useCallback(
    (text: string, path: string = window.location.pathname) => setNotice({ text, path }),
    [],
  );
  const clear = useCallback(() => setNotice(null), []);
  const keepOnlyFor = useCallback(
    (path: string) => setNotice((current) => (current && current.path !== path ? null : current)),
    [],
  );
  const value = useMemo(
    () => ({ notice, announce, clear, keepOnlyFor }),
    [notice, announce, clear, keepOnlyFor],
  );
  return <NoticeContext.Provider value={value}>{children}</NoticeContext.Provider>;
}

export function useNotice(): NoticeValue {
  const value = useContext(NoticeContext);
  if (!value) throw new Error('useNotice outside NoticeProvider');
  return value;
}
