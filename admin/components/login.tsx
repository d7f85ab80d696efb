// AdminJS's login form plus the CSRF token the server put in the page (window.__APP_STATE__).
import { Box, Button, FormGroup, H2, H5, Input, Label, MessageBox, Text } from '@adminjs/design-system';
import { useTranslation } from 'adminjs';
import React from 'react';

type LoginState = { action: string; errorMessage?: string | null; csrfToken?: string };

const Login: React.FC = () => {
  const { action, errorMessage, csrfToken } = (window as unknown as { __APP_STATE__: LoginState }).__APP_STATE__;
  const { translateComponent, translateMessage } = useTranslation();
  return (
    <Box flex variant="grey" style={{ alignItems: 'center', justifyContent: 'center', height: '100%', flexDirection: 'column' }}>
      <Box bg="white" flex boxShadow="login" width={[1, 2 / 3, 'auto']}>
        <Box bg="primary100" color="white" p="x3" width="380px" display={['none', 'none', 'block']}>
          <H2 fontWeight="lighter">{translateComponent('Login.welcomeHeader')}</H2>
          <Text fontWeight="lighter" mt="default">
            {translateComponent('Login.welcomeMessage')}
          </Text>
        </Box>
        <Box as="form" action={action} method="POST" p="x3" width={['100%', '100%', '480px']}>
          <H5 marginBottom="xxl">{translateComponent('Login.title')}</H5>
          {errorMessage && <MessageBox my="lg" message={translateMessage(errorMessage)} variant="danger" />}
          <input type="hidden" name="_csrf" value={csrfToken ?? ''} />
          <FormGroup>
            <Label required>{translateComponent('Login.properties.email')}</Label>
            <Input name="email" type="email" autoComplete="username" required />
          </FormGroup>
          <FormGroup>
            <Label required>{translateComponent('Login.properties.password')}</Label>
            <Input type="password" name="password" autoComplete="current-password" required />
          </FormGroup>
          <Text mt="xl" textAlign="center">
            <Button variant="contained" type="submit">
              {translateComponent('Login.loginButton')}
            </Button>
          </Text>
        </Box>
      </Box>
    </Box>
  );
};

export default Login;
