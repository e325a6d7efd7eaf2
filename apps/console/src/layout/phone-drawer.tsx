import { Drawer } from 'antd';

/** The menu on phones, from the left. */
export default function PhoneDrawer({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: React.ReactNode;
}) {
  return (
    <Drawer open onClose={onClose} placement="left" size={260} title={title}>
      <nav aria-label="主菜单">{children}</nav>
    </Drawer>
  );
}
