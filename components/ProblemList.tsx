/** What keeps the form from being saved, one line a problem, named for screen readers; nothing when none. */
export function ProblemList({ errors, label }: { errors: string[]; label: string }) {
  if (!errors.length) return null;
  return (
    <ul class="errors" aria-label={label}>
      {errors.map((msg) => (
        <li key={msg}>{msg}</li>
      ))}
    </ul>
  );
}
