import { render } from 'preact';
import { Library } from './Library';
import '../../components/styles.css';

render(<Library />, document.getElementById('app')!);
