// The toast container with its stylesheet, loaded after the first paint (main.tsx).
import '@mantine/notifications/styles.css';

export { Notifications } from '@mantine/notifications';
