import { render } from 'preact';

render(<p>Précis</p>, document.getElementById('app')!);
