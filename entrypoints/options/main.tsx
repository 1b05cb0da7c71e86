import { render } from 'preact';
import { Options } from './Options';
import '../../components/styles.css';

render(<Options />, document.getElementById('app')!);
