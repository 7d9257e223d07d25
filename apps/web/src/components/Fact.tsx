/** One fact of a record in a `<dl className="facts">`; `field` names it for tests and styles. */
export function Fact({ label, value, field }: { label: string; value: string; field?: string }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd data-field={field}>{value}</dd>
    </div>
  );
}
