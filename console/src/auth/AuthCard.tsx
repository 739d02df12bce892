import type { ReactNode } from 'react';

/** The centred frame around every sign-in step. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="auth">
      <div className="auth-card">
        <p className="brand-mark" aria-hidden="true">
          callvault
        </p>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
