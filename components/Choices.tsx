import { Component } from 'preact';

interface Props {
  id: string;
  /** The suggestions, best first; the same array until they change. */
  values: readonly string[];
  /** How many are offered at most. */
  limit: number;
}

/**
 * A datalist of suggestions. It renders again only when given another array: the library re-renders on every
 * keystroke in its search box, and diffing its 1,200 keyword and publisher options each time cost the
 * keystroke a few milliseconds on a slow machine.
 */
export class Choices extends Component<Props> {
  override shouldComponentUpdate(next: Props) {
    return next.values !== this.props.values || next.id !== this.props.id || next.limit !== this.props.limit;
  }

  override render({ id, values, limit }: Props) {
    return (
      <datalist id={id}>
        {values.slice(0, limit).map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
    );
  }
}
