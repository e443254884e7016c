import type { ReactNode } from 'react';

/** A titled panel of a screen, with optional actions at the right of its title. */
export function Card({
  title,
  actions,
  children,
  testId,
  className,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <section className={className ? `card ${className}` : 'card'} data-testid={testId}>
      {title !== undefined || actions !== undefined ? (
        <div className="card-head">
          {title !== undefined ? <h2 className="card-title">{title}</h2> : <span />}
          {actions !== undefined ? <div className="card-actions">{actions}</div> : null}
        </div>
      ) : null}
      {children}
    </section>
  );
}
