import { ButtonLink } from './button';

/**
 * What an empty list shows: what is missing, what to do next (children), and the way to do it.
 */
export function EmptyState({
  title,
  headingLevel = 2,
  action,
  children,
}: {
  title: React.ReactNode;
  headingLevel?: 2 | 3;
  action?: { to: string; label: string };
  children?: React.ReactNode;
}) {
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <div className="empty-state">
      <Heading className="empty-state-title">{title}</Heading>
      {children}
      {action ? (
        <p className="empty-state-action">
          <ButtonLink to={action.to} variant="secondary">
            {action.label}
          </ButtonLink>
        </p>
      ) : null}
    </div>
  );
}
