import { render } from 'preact';
import { Library } from './Library';
import '../../components/styles.css';
import './library.css';

render(<Library />, document.getElementById('app')!);
