package com.careflow.notify;

/** The one way CareFlow tells a customer something; adapters (mail, SMS) implement it. */
public interface CustomerNotifier {

  void send(CustomerNotice notice);
}
