// A titled block of label / value pairs, used by the identity page.
import type { ReactNode } from "react";

export type Fact = { label: string; value: ReactNode };

export function FactsBlock({
  id,
  title,
  facts,
  children,
}: {
  id: string;
  title: string;
  facts: Fact[];
  children?: ReactNode;
}) {
  return (
    <section className="socle-box" aria-labelledby={id}>
      <h2 id={id} className="fr-h5">
        {title}
      </h2>
      {facts.length > 0 && (
        <dl className="socle-facts">
          {facts.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {children}
    </section>
  );
}
