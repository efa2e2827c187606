"""Reading a mirror of a county's old CMS site (TRS WCM, 开普云, 大汉 …), auditing it and migrating it."""
