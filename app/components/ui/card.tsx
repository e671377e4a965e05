import { useId } from 'react';

/**
 * A bordered box for one thing (an event, a member, a shortlist): an optional heading, the
 * content, and its actions at the bottom. As `li` it sits in a `<ul className="cards">`. As an
 * `article` or `section` with a title, the heading names it (`aria-labelledby`), so a screen
 * reader's list of articles and regions reads "Anna Kowalska", not "article".
 */
export function Card({
  as: Tag = 'div',
  title,
  headingLevel = 2,
  actions,
  className,
  children,
}: {
  as?: 'article' | 'section' | 'div' | 'li';
  title?: React.ReactNode;
  headingLevel?: 2 | 3;
  actions?: React.ReactNode;
  className?: string;
  children?: React.ReactNode;
}) {
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  const titleId = useId();
  const named = Boolean(title) && (Tag === 'article' || Tag === 'section');
  return (
    <Tag className={['card', className].filter(Boolean).join(' ')} aria-labelledby={named ? titleId : undefined}>
      {title ? (
        <Heading className="card-title" id={named ? titleId : undefined}>
          {title}
        </Heading>
      ) : null}
      {children}
      {actions ? <div className="card-actions">{actions}</div> : null}
    </Tag>
  );
}
